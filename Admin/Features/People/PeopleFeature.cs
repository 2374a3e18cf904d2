namespace SocItConsole.Admin.Features.People;

public static class PeopleFeature
{
    public static WebApplicationBuilder AddPeopleFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EmployeeRegister>();
        return builder;
    }
}
