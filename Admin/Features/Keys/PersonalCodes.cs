using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Infrastructure.Changes;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Features.Keys;

/// <summary>
/// Issues and resets personal codes. The code goes back to the operator once, wrapped in a <see cref="OneTimeCode"/>;
/// the database keeps a salted hash, and the audit trail names who, when and why, never the code.
/// </summary>
public sealed class PersonalCodes(KeyChanges changes)
{
    public Task<KeyResult> IssueAsync(int employeeId, CancellationToken ct = default)
    {
        string? issued = null;
        return changes.RunAsync(async c =>
        {
            var name = await c.Db.Employees.Where(e => e.Id == employeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Medarbetaren finns inte.");
            var existing = await c.Db.PersonalCodes.SingleOrDefaultAsync(p => p.EmployeeId == employeeId, ct);
            if (existing is { IsRevoked: false })
            {
                throw new DomainException(
                    $"{name} har redan en personlig kod. Byt den med ett skäl om den är glömd eller inte fungerar.");
            }

            var hasKey = await c.Db.Keys.AnyAsync(k => k.HolderEmployeeId == employeeId && k.Status == KeyStatus.Issued, ct);
            var inPool = await c.Db.KeyPools.AnyAsync(
                p => p.Members.Any(m => m.EmployeeId == employeeId && (m.To == null || m.To >= c.Today)), ct);
            if (!hasKey && !inPool)
            {
                throw new DomainException(
                    $"{name} har ingen personlig nyckel och är inte med i någon nyckelpool. Koden ges när personen får en nyckel eller poolbehörighet.");
            }

            if (existing is not null)
            {
                // Someone who comes back after their code was revoked gets a new one: the next version of the same record.
                var before = new { existing.Version, Revoked = true };
                existing.Reissue(c.Actor, c.Now, out issued);
                return new KeyAudit("PersonalCode.Issued", "Employee", PoolRegister.Id(employeeId),
                    $"Ny personlig kod gavs till {name} (den förra var spärrad).", before, new { existing.Version, Revoked = false });
            }

            var code = PersonalCode.Issue(employeeId, c.Actor, c.Now, out issued);
            c.Db.PersonalCodes.Add(code);
            return new KeyAudit("PersonalCode.Issued", "Employee", PoolRegister.Id(employeeId),
                $"Personlig kod gavs till {name}.", null, new { code.Version });
        }, ct, onSaved: entry => new KeyResult.CodeIssued(entry.Message, new OneTimeCode(issued!)));
    }

    public Task<KeyResult> ResetAsync(
        int employeeId, int expectedVersion, PersonalCodeResetReason? reason, CancellationToken ct = default)
    {
        string? issued = null;
        return changes.RunAsync(async c =>
        {
            var name = await c.Db.Employees.Where(e => e.Id == employeeId).Select(e => PersonName.Shown(e.FullName, e.IsProtected)).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("Medarbetaren finns inte.");
            var code = await c.Db.PersonalCodes.SingleOrDefaultAsync(p => p.EmployeeId == employeeId, ct)
                ?? throw new DomainException($"{name} har ingen personlig kod att byta. Ge en ny kod i stället.");
            if (reason is null)
            {
                throw new DomainException("Ange varför koden byts: glömt eller fungerar inte.");
            }

            if (code.Version != expectedVersion)
            {
                throw new StaleChangeException();
            }

            var before = new { code.Version };
            code.Reset(c.Actor, c.Now, reason.Value, out issued);
            return new KeyAudit("PersonalCode.Reset", "Employee", PoolRegister.Id(employeeId),
                $"Personlig kod byttes för {name} ({KeyTexts.ResetReason(reason.Value)}).",
                before, new { code.Version, Reason = reason.Value.ToString() });
        }, ct, onSaved: entry => new KeyResult.CodeIssued(entry.Message, new OneTimeCode(issued!)),
        staleMessage: "Koden har bytts av någon annan sedan du öppnade sidan. Ladda om och kontrollera innan du byter igen.");
    }
}
