namespace SocItConsole.Admin.Features.Matrix;

public static class MatrixFeature
{
    public static WebApplicationBuilder AddMatrixFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MatrixWriter>();
        builder.Services.AddScoped<MatrixService>();
        builder.Services.AddScoped<NewEmployeeSystemsLookup>();
        builder.Services.AddScoped<MatrixImport>();
        return builder;
    }
}
