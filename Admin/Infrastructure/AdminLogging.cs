namespace SocItConsole.Admin.Infrastructure;

public static class AdminLogging
{
    /// <summary>
    /// Structured logs without personal data: JSON lines outside Development, and the categories that would write
    /// request paths, query strings or SQL parameters (where a personnummer could appear) held at Warning.
    /// Messages name ids and counts, never names, personnummer or codes.
    /// </summary>
    public static WebApplicationBuilder AddAdminLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                options.IncludeScopes = false;
            });
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        return builder;
    }
}
