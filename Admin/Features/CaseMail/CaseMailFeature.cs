using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SocItConsole.Admin.Data;
using SocItConsole.Admin.Features.Consents;
using SocItConsole.Admin.Infrastructure.Jobs;

namespace SocItConsole.Admin.Features.CaseMail;

public static class CaseMailFeature
{
    /// <summary>
    /// The case's e-mail to its orderer and to a receiving unit's manager: recorded with each event, sent right after
    /// it is saved (<see cref="CaseMailDispatcher"/>, woken by <see cref="CaseMailSignal"/>), and whatever is still
    /// unsent every five minutes (<see cref="CaseMailJob"/>, also <c>run-job case-mail</c>).
    /// </summary>
    public static WebApplicationBuilder AddCaseMailFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseMessageRecorder>();
        builder.Services.AddScoped<ConsentNotices>();
        builder.Services.AddScoped<CaseNotices>();
        builder.Services.AddScoped<CaseMail>();
        builder.Services.AddSingleton<CaseMailSignal>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<CaseMailSignal>());
        builder.Services.AddHostedService<CaseMailDispatcher>();
        builder.Services.AddRecurringJob<CaseMailJob>(CaseMailJob.Id, CaseMailJob.DefaultCron);
        builder.Services.AddCommandLineJob(CaseMailJob.Id, async (services, _, dryRun, ct) =>
        {
            if (!dryRun)
            {
                var (sent, failures) = await services.GetRequiredService<CaseMail>().SendPendingAsync(null, ct);
                return new CaseMailRunReport(sent, failures);
            }

            await using var db = await services.GetRequiredService<IDbContextFactory<SocItDbContext>>().CreateDbContextAsync(ct);
            return new CaseMailRunReport(0, [], await CaseMail.PendingCountAsync(db, ct));
        });
        return builder;
    }
}
