using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocItConsole.Shared.Audit;
using SocItConsole.Shared.Cases;
using SocItConsole.Shared.Common;
using SocItConsole.Shared.FollowUps;
using SocItConsole.Shared.Hr;
using SocItConsole.Shared.Grants;
using SocItConsole.Shared.Reviews;
using SocItConsole.Shared.Keys;
using SocItConsole.Shared.Matrix;
using SocItConsole.Shared.Orderers;
using SocItConsole.Shared.Orders;
using SocItConsole.Shared.MasterData;
using SocItConsole.Shared.People;

namespace SocItConsole.Admin.Data;

/// <summary>The console's database: master data, the matrix with its history, and the audit trail.</summary>
/// <remarks>
/// Services open one context per operation through <see cref="IDbContextFactory{TContext}"/>; a circuit-wide
/// context would be shared by every component of a user and is not thread-safe.
/// Schema changes only through migrations:
/// <code>dotnet ef migrations add NAME --project Admin --context SocItDbContext --output-dir Data/Migrations</code>
/// and the same change for PostgreSQL (<see cref="PostgreSql.PostgreSqlSocItDbContext"/>).
/// </remarks>
public class SocItDbContext(DbContextOptions<SocItDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ItSystem> ItSystems => Set<ItSystem>();

    public DbSet<SystemLevel> SystemLevels => Set<SystemLevel>();

    public DbSet<JobTitle> JobTitles => Set<JobTitle>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<MatrixEntry> MatrixEntries => Set<MatrixEntry>();

    public DbSet<MatrixState> MatrixState => Set<MatrixState>();

    public DbSet<MatrixChangeSet> MatrixChangeSets => Set<MatrixChangeSet>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<Employment> Employments => Set<Employment>();

    public DbSet<TemporaryAssignment> TemporaryAssignments => Set<TemporaryAssignment>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Key> Keys => Set<Key>();

    public DbSet<KeyPool> KeyPools => Set<KeyPool>();

    public DbSet<PersonalCode> PersonalCodes => Set<PersonalCode>();

    public DbSet<KeyPurchase> KeyPurchases => Set<KeyPurchase>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<ReminderMessage> ReminderMessages => Set<ReminderMessage>();

    public DbSet<JobRunState> JobRuns => Set<JobRunState>();

    public DbSet<ReviewRound> ReviewRounds => Set<ReviewRound>();

    public DbSet<ReviewLine> ReviewLines => Set<ReviewLine>();

    public DbSet<ReviewMessage> ReviewMessages => Set<ReviewMessage>();

    public DbSet<AppointedOrderer> AppointedOrderers => Set<AppointedOrderer>();

    public DbSet<UnitConsent> UnitConsents => Set<UnitConsent>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<OrderBatch> OrderBatches => Set<OrderBatch>();

    public DbSet<HrMapping> HrMappings => Set<HrMapping>();

    public DbSet<HrImport> HrImports => Set<HrImport>();

    public DbSet<HrFinding> HrFindings => Set<HrFinding>();

    public DbSet<HrNotice> HrNotices => Set<HrNotice>();

    /// <summary>The data-protection keys when the console runs on PostgreSQL, shared by its instances (decision 0051).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAuditTrail();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAuditTrail();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC ticks: SQLite cannot compare or order DateTimeOffset values in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SocItDbContext).Assembly);
        PersonNameSql.Map(modelBuilder);
    }

    private void GuardAuditTrail()
    {
        var tampered = ChangeTracker.Entries<AuditEntry>()
            .Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampered)
        {
            throw new InvalidOperationException("Audit entries can only be added, never changed or deleted.");
        }
    }
}
