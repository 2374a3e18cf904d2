using System.Globalization;
using System.Text.Json.Nodes;
using SocItConsole.Admin.Infrastructure.Localization;

namespace SocItConsole.Admin.Tests.TestData;

/// <summary>
/// JSON bodies for <c>POST /api/v1/orders</c> that pass every rule against the demo organisation, as the e-service
/// would send them. The app runs on the real clock here, so dates are counted from today in Stockholm.
/// </summary>
public static class OrderApiBodies
{
    public static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, AdminTimeZone.Stockholm).DateTime);

    public static string Date(int daysFromToday) =>
        Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject NewUndersköterska(string personnummer = OrderRequests.Pnr1990) => new()
    {
        ["type"] = "new",
        ["employee"] = new JsonObject { ["fullName"] = "Lisa Andersson", ["personnummer"] = personnummer },
        ["title"] = "Undersköterska",
        ["unit"] = "Hemtjänst Centrum",
        ["startDate"] = Date(10),
        ["key"] = new JsonObject { ["kind"] = "pool" },
        ["orderer"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
        ["manager"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
    };

    public static JsonObject Extend(string personnummer = OrderRequests.Pnr1985) => new()
    {
        ["type"] = "extend",
        ["employee"] = new JsonObject { ["fullName"] = "Erik Berg", ["personnummer"] = personnummer },
        ["unit"] = "Hemtjänst Centrum",
        ["startDate"] = Date(3),
        ["endDate"] = Date(60),
        ["systems"] = new JsonArray("qlikview", new JsonObject { ["name"] = "Lifecare", ["level"] = "Handläggare" }),
        ["orderer"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
        ["manager"] = new JsonObject { ["name"] = "Anna Lindqvist", ["email"] = "anna.lindqvist@kommun.example" },
    };
}
