using Microsoft.AspNetCore.Authorization;

namespace SocItConsole.Admin.Infrastructure.Authentication;

/// <summary>
/// The authorization policies every page, endpoint and job names. Deny by default: the fallback policy requires a
/// signed-in user wherever nothing else is said, and a page that needs a role says which.
/// </summary>
public static class Policies
{
    public const string Operator = "Operator";
    public const string Administrator = "Administrator";
    public const string Manager = "Manager";

    /// <summary>
    /// "May order": placing an order and following one's own orders (Mina ärenden). Managers for their staff,
    /// operators for orders that came by secure message or phone, and appointed orderers (utsedda beställare) without
    /// an app role while an appointment of theirs is valid today (<see cref="MayOrderRequirement"/>).
    /// </summary>
    public const string OrderIntake = "OrderIntake";

    /// <summary>
    /// The orderer's own side of "may order": answering Soc-IT's question about one's order. Managers and appointed
    /// orderers; not operators, whose side of the case is the case page.
    /// </summary>
    public const string Orderer = "Orderer";

    /// <summary>Appointing orderers: managers for the units they manage, administrators for any unit.</summary>
    public const string OrdererAppointments = "OrdererAppointments";

    /// <summary>Reading the unit register: operators need contacts and cost centres, administrators keep them.</summary>
    public const string UnitRegister = "UnitRegister";

    /// <summary>Reading the audit trail: operators follow up on cases, administrators on master data and the matrix.</summary>
    public const string AuditReaders = "AuditReaders";

    /// <summary>Follow-ups of temporary grants: managers answer them, operators take the escalated ones.</summary>
    public const string FollowUps = "FollowUps";

    /// <summary>Access review rounds: administrators run them, operators follow the escalations and the evidence.</summary>
    public const string ReviewReaders = "ReviewReaders";

    /// <summary>Who has which grants in a unit: managers for their own units, Soc-IT for any unit.</summary>
    public const string UnitGrants = "UnitGrants";

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.DefaultPolicy = signedIn;
        options.FallbackPolicy = signedIn;

        options.AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Operator));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Administrator));
        options.AddPolicy(Manager, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Manager));
        options.AddPolicy(OrderIntake, p => p.RequireAuthenticatedUser().AddRequirements(new MayOrderRequirement()));
        options.AddPolicy(Orderer, p => p.RequireAuthenticatedUser().AddRequirements(new MayOrderRequirement(includesOperators: false)));
        options.AddPolicy(OrdererAppointments, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Manager, AppRoles.Administrator));
        options.AddPolicy(UnitRegister, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Operator, AppRoles.Administrator));
        options.AddPolicy(AuditReaders, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Operator, AppRoles.Administrator));
        options.AddPolicy(ReviewReaders, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Administrator, AppRoles.Operator));
        options.AddPolicy(FollowUps, p => p.RequireAuthenticatedUser().RequireRole(AppRoles.Operator, AppRoles.Manager));
        options.AddPolicy(UnitGrants, p => p.RequireAuthenticatedUser()
            .RequireRole(AppRoles.Manager, AppRoles.Operator, AppRoles.Administrator));
    }
}
