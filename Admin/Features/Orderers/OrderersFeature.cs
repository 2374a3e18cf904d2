using Microsoft.AspNetCore.Authorization;

namespace SocItConsole.Admin.Features.Orderers;

public static class OrderersFeature
{
    public static WebApplicationBuilder AddOrderersFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AppointedOrderers>();
        // A second handler of "may order": the appointment register, beside the roles (MayOrderRequirement).
        builder.Services.AddSingleton<IAuthorizationHandler, AppointedOrdererAuthorization>();
        return builder;
    }
}
