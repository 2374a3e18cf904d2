using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Audit;
using SocItConsole.Admin.Features.Bench;
using SocItConsole.Admin.Features.CaseMail;
using SocItConsole.Admin.Features.Cases;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Features.FollowUps;
using SocItConsole.Admin.Features.Grants;
using SocItConsole.Admin.Features.Home;
using SocItConsole.Admin.Features.Hr;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Features.MasterData;
using SocItConsole.Admin.Features.Matrix;
using SocItConsole.Admin.Features.Orderers;
using SocItConsole.Admin.Features.Orders;
using SocItConsole.Admin.Features.Orders.Api;
using SocItConsole.Admin.Features.People;
using SocItConsole.Admin.Features.Reviews;
using SocItConsole.Admin.Infrastructure;
using SocItConsole.Admin.Infrastructure.Audit;
using SocItConsole.Admin.Infrastructure.Email;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Infrastructure.Health;
using SocItConsole.Admin.Infrastructure.Jobs;
using SocItConsole.Admin.Infrastructure.Localization;
using SocItConsole.Admin.Infrastructure.Web;

// `run-job <id> [--as-of YYYY-MM-DD] [--dry-run]` runs one job, `backup --out FILE` and `restore --from FILE` copy the
// SQLite file, and each exits instead of serving.
var jobCommand = JobCommand.Parse(args, out var commandError);
var fileCommand = DatabaseFileCommand.Parse(args, out var fileCommandError);
if ((commandError ?? fileCommandError) is { } argumentError)
{
    await Console.Error.WriteLineAsync(argumentError);
    Environment.ExitCode = JobCommand.ExitUsage;
    return;
}

var builder = WebApplication.CreateBuilder(jobCommand is null && fileCommand is null ? args : []);

// Cross-cutting
builder.AddAdminLogging();
builder.AddAdminLocalization();
builder.AddAdminAuthentication();
builder.AddDeniedRequestLogging();
builder.AddAdminData();
builder.AddDatabaseBackup();
builder.AddAdminAudit();
builder.AddAdminJobs();
builder.AddAdminEmail();
builder.AddAdminHealth();
builder.AddAdminWeb();

// Features
builder.AddHomeFeature();
builder.AddMasterDataFeature();
builder.AddMatrixFeature();
builder.AddOrdersFeature();
builder.AddOrderersFeature();
builder.AddCaseMailFeature();
builder.AddCasesFeature();
builder.AddConsentsFeature();
builder.AddPeopleFeature();
builder.AddKeysFeature();
builder.AddAuditFeature();
builder.AddFollowUpsFeature();
builder.AddGrantsFeature();
builder.AddReviewsFeature();
builder.AddHrFeature();
builder.AddOrdersApi();
builder.AddBenchFeature();

var app = builder.Build();

// Before the migration: a restore must find a damaged database as it is, and no restore may replace it under a start.
if (fileCommand is not null)
{
    Environment.ExitCode = await app.RunDatabaseFileCommandAsync(fileCommand);
    return;
}

app.HoldDatabaseInUse();
await app.InitializeDatabaseAsync();
if (jobCommand is not null)
{
    Environment.ExitCode = await app.RunJobCommandAsync(jobCommand);
    return;
}

app.UseAdminPipeline();
app.MapAdminHealth();
app.MapAdminAccountEndpoints();
app.MapOrdersApi();
app.MapGrantsExport();
app.MapReviewEvidenceExport();
app.MapAdminJobsDashboard();
app.MapBenchEndpoints();
app.MapAdminUi();
app.AnnounceAddresses();

await app.RunAsync();

public partial class Program;
