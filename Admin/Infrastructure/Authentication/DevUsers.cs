using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using SocItConsole.Admin.Data.Demo;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>The demo users of the development sign-in. They exist only in the Development environment.</summary>
public static class DevUsers
{
    public const string AuthenticationType = "DevelopmentSignIn";

    public static readonly IReadOnlyList<DevUser> All =
    [
        new("operator", "Sara Nilsson", $"sara.nilsson@{DemoOrganisation.EmailDomain}", [AppRoles.Operator],
            "Soc-IT handläggare: arbetar i ärendekön, nycklar och uppföljning."),
        new("admin", "Johan Berg", $"johan.berg@{DemoOrganisation.EmailDomain}", [AppRoles.Administrator],
            "Soc-IT systemförvaltare: system, titlar, verksamheter och matrisen."),
        new("chef1", DemoOrganisation.AnnaLindqvist.Name, DemoOrganisation.AnnaLindqvist.Email, [AppRoles.Manager],
            "Enhetschef för Hemtjänst Centrum och Hemtjänst Skrea."),
        new("chef2", DemoOrganisation.ErikJohansson.Name, DemoOrganisation.ErikJohansson.Email, [AppRoles.Manager],
            "Enhetschef för Tallgården, Herting och Solgläntan."),
        new("bestallare1", DemoOrganisation.FridaNyman.Name, DemoOrganisation.FridaNyman.Email, [],
            $"Utsedd beställare för {DemoOrganisation.AppointedOrdererUnit}: beställer och följer sina ärenden."),
        new("utanroll", "Maria Ek", $"maria.ek@{DemoOrganisation.EmailDomain}", [],
            "Inloggad men utan roll i konsolen: ser bara startsidan."),
    ];

    public static DevUser? Find(string? userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName?.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed record DevUser(
    string UserName,
    string DisplayName,
    string Email,
    IReadOnlyList<string> Roles,
    string Description)
{
    /// <summary>The same claim types Entra ID issues, so the rest of the app cannot tell the two apart.</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(UserClaims.Name, DisplayName),
            new(UserClaims.PreferredUserName, Email),
            new(UserClaims.ObjectId, StableObjectId().ToString()),
        };
        claims.AddRange(Roles.Select(role => new Claim(UserClaims.Roles, role)));
        return new ClaimsPrincipal(
            new ClaimsIdentity(claims, DevUsers.AuthenticationType, UserClaims.Name, UserClaims.Roles));
    }

    private Guid StableObjectId() => new(SHA256.HashData(Encoding.UTF8.GetBytes("socit-dev:" + UserName)).AsSpan(0, 16));
}
