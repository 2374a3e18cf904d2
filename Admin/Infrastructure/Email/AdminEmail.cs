namespace SocItConsole.Admin.Infrastructure.Email;

public static class AdminEmail
{
    /// <summary>
    /// E-mail through SMTP when <c>Email:Smtp:Host</c> is set, otherwise .eml files in <c>Email:PickupDirectory</c>.
    /// </summary>
    public static WebApplicationBuilder AddAdminEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailSettings>().Bind(builder.Configuration.GetSection(EmailSettings.Section))
            .Validate(s => Uri.TryCreate(s.PublicBaseUrl, UriKind.Absolute, out _), "Email:PublicBaseUrl must be an absolute URL.")
            .Validate(s => !string.IsNullOrWhiteSpace(s.FromAddress), "Email:FromAddress must be set.")
            .ValidateOnStart();
        builder.Services.AddSingleton<MailMessages>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{EmailSettings.Section}:Smtp:Host"]))
        {
            builder.Services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        return builder;
    }
}
