namespace SocItConsole.Admin.Features.Orders;

public static class OrdersFeature
{
    public static WebApplicationBuilder AddOrdersFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrderIntake>();
        builder.Services.AddScoped<OrderForm>();
        builder.Services.AddScoped<BatchOrders>();
        builder.Services.AddScoped<CaseAnswers>();
        builder.Services.AddScoped<GrantOrders>();
        builder.Services.AddScoped<ChangeOrders>();
        builder.Services.AddScoped<OrdererCases>();
        return builder;
    }
}
