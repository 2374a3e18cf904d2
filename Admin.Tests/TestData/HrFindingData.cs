using Microsoft.EntityFrameworkCore;
using SocItConsole.Admin.Data;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// A reconciliation run and its findings written directly to the database, as the run would leave them: for tests of
/// the findings page and the operators' confirmations (the run itself is tested with its own rules).
/// </summary>
internal static class HrFindingData
{
    public static readonly DateOnly AsOf = new(2026, 11, 27);

    /// <summary>A finished run of <paramref name="fileName"/> as of <see cref="AsOf"/> (or <paramref name="asOf"/>); its id.</summary>
    public static async Task<int> RunAsync(
        IDbContextFactory<SocItDbContext> factory, string fileName = "hr-anstallningar-2026-11-27.csv", DateOnly? asOf = null,
        DateTimeOffset? at = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var started = at ?? new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero);
        var sha = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fileName + started.Ticks)));
        var run = new HrImport(fileName, sha, 4096, asOf ?? AsOf, HrImportSource.Upload, new Actor("admin-oid", "Johan Berg"), started);
        run.Finish(new HrRunFigures(120, 4, 2, 110, 1, 1, 0, 0, 0), started.AddSeconds(3));
        db.HrImports.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    /// <summary>A leaver: HR says the employment ended on <paramref name="lastDay"/>.</summary>
    public static Task<int> LeaverAsync(IDbContextFactory<SocItDbContext> factory, int importId, int employmentId, DateOnly lastDay, int line = 12) =>
        AddAsync(factory, importId, employmentId, HrFindingKind.Leaver, lastDay, line, null, null, null, lastDay);

    /// <summary>A mover: HR has the person as <paramref name="titleName"/> in <paramref name="unitName"/> from <paramref name="from"/>.</summary>
    public static Task<int> MoverAsync(
        IDbContextFactory<SocItDbContext> factory, int importId, int employmentId, string unitName, string titleName, DateOnly from, int line = 13) =>
        AddAsync(factory, importId, employmentId, HrFindingKind.Mover, from, line, unitName, titleName, from, null);

    /// <summary>A console employment whose person HR does not know.</summary>
    public static Task<int> UnknownAsync(IDbContextFactory<SocItDbContext> factory, int importId, int employmentId) =>
        AddAsync(factory, importId, employmentId, HrFindingKind.UnknownToHr, null, null, null, null, null, null);

    private static async Task<int> AddAsync(
        IDbContextFactory<SocItDbContext> factory, int importId, int employmentId, HrFindingKind kind, DateOnly? effective, int? line,
        string? hrUnitName, string? hrTitleName, DateOnly? hrFrom, DateOnly? hrTo)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var employment = await db.Employments.SingleAsync(e => e.Id == employmentId, ct);
        var employee = await db.Employees.SingleAsync(e => e.Id == employment.EmployeeId, ct);
        var hrUnit = hrUnitName is null ? null : await db.Units.SingleAsync(u => u.Name == hrUnitName, ct);
        var hrTitle = hrTitleName is null ? null : await db.JobTitles.SingleAsync(t => t.Name == hrTitleName, ct);
        var facts = $"{kind}|{employee.Personnummer.Value}|{employment.Id}|{hrUnit?.Id}|{hrTitle?.Id}|{effective:yyyyMMdd}";
        var finding = new HrFinding(importId, kind, facts, employee.Personnummer, employee.FullName, employment.UnitId, employment.UnitName)
        {
            EmployeeId = employee.Id,
            EmploymentId = employment.Id,
            TitleId = employment.TitleId,
            TitleName = employment.TitleName,
            HrUnitId = hrUnit?.Id ?? (kind == HrFindingKind.Leaver ? employment.UnitId : null),
            HrUnitName = hrUnit?.Name ?? (kind == HrFindingKind.Leaver ? employment.UnitName : null),
            HrTitleId = hrTitle?.Id ?? (kind == HrFindingKind.Leaver ? employment.TitleId : null),
            HrTitleName = hrTitle?.Name ?? (kind == HrFindingKind.Leaver ? employment.TitleName : null),
            HrFrom = hrFrom ?? (kind == HrFindingKind.Leaver ? employment.From : null),
            HrTo = hrTo,
            LineNumber = line,
            EffectiveDate = effective,
        };
        db.HrFindings.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding.Id;
    }

    /// <summary>Marks the person protected (skyddad identitet).</summary>
    public static async Task ProtectAsync(IDbContextFactory<SocItDbContext> factory, string personnummer)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await factory.CreateDbContextAsync(ct);
        var pnr = Personnummer.Parse(personnummer, AsOf);
        var employee = await db.Employees.SingleAsync(e => e.Personnummer == pnr, ct);
        employee.Protect("Skyddad folkbokföring.");
        await db.SaveChangesAsync(ct);
    }
}
