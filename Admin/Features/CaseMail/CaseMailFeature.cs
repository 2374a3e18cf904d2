using SocItConsole.Admin.Features.Consents;

namespace SocItConsole.Admin.Features.CaseMail;

public static class CaseMailFeature
{
    /// <summary>The case's e-mail to its orderer and to a receiving unit's manager: recorded with each event, sent after.</summary>
    public static WebApplicationBuilder AddCaseMailFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseMessageRecorder>();
        builder.Services.AddScoped<ConsentNotices>();
        builder.Services.AddScoped<CaseNotices>();
        builder.Services.AddScoped<CaseMail>();
        return builder;
    }
}
