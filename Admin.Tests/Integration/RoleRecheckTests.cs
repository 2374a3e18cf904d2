using System.Net;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Data.Demo;
using SocItConsole.Admin.Infrastructure.Authentication;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// Issue 10, item 7: a role withdrawn while the user is signed in stops working without a new sign-in — in a live
/// circuit within the re-check interval, on the next request for plain HTTP.
/// </summary>
public class RoleRecheckTests
{
    private static readonly string Chef1Email = DemoOrganisation.AnnaLindqvist.Email;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveCircuit_LosesAWithdrawnRole_WithinTheInterval_AndServicesSeeTheReducedUser()
    {
        await using var app = AdminAppFactory.Development().WithSetting("Access:RoleRecheckInterval", "00:00:00.200");
        await using var chef1 = app.Services.CreateAsyncScope();
        await using var chef2 = app.Services.CreateAsyncScope();
        var chef1Circuit = StartCircuit(chef1, "chef1");
        var chef2Circuit = StartCircuit(chef2, "chef2");
        var chef1Changed = NextChange(chef1Circuit);
        var chef2Changed = NextChange(chef2Circuit);
        var currentUser = chef1.ServiceProvider.GetRequiredService<CurrentUser>();
        await currentUser.RequireAsync(Policies.Manager);

        Withdraw(app, Chef1Email, AppRoles.Manager);
        var reduced = (await chef1Changed.WaitAsync(TimeSpan.FromSeconds(20), Ct)).User;

        Assert.True(reduced.Identity?.IsAuthenticated);
        Assert.Equal(DemoOrganisation.AnnaLindqvist.Name, reduced.DisplayName());
        Assert.False(reduced.IsInRole(AppRoles.Manager));
        Assert.False((await currentUser.GetPrincipalAsync()).IsInRole(AppRoles.Manager));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => currentUser.RequireAsync(Policies.Manager));
        Assert.False(chef2Changed.IsCompleted);
        Assert.True((await chef2Circuit.GetAuthenticationStateAsync()).User.IsInRole(AppRoles.Manager));
    }

    [Fact]
    public async Task Recheck_KeepsAUserWhoseRolesStillHold_AndDropsOnlyTheWithdrawnOne()
    {
        await using var app = AdminAppFactory.Development();
        await using var scope = app.Services.CreateAsyncScope();
        var circuit = StartCircuit(scope, "chef2");
        var changed = NextChange(circuit);
        var state = await circuit.GetAuthenticationStateAsync();

        Withdraw(app, Chef1Email, AppRoles.Manager);
        var kept = circuit.Recheck(state);

        Assert.True(kept);
        Assert.False(changed.IsCompleted);
        Assert.Same(state, await circuit.GetAuthenticationStateAsync());
        var revocations = scope.ServiceProvider.GetRequiredService<RoleRevocations>();
        Assert.Empty(revocations.WithdrawnFrom(state.User));
        Assert.Equal([AppRoles.Manager], revocations.WithdrawnFrom(DevUsers.Find("chef1")!.ToPrincipal()));
        Assert.Empty(revocations.WithdrawnFrom(DevUsers.Find("operator")!.ToPrincipal()));
    }

    [Fact]
    public async Task WithdrawnRole_StopsWorkingOnTheNextRequest_WhileTheUserStaysSignedIn()
    {
        await using var app = AdminAppFactory.Development();
        using var client = app.CreateTestClient();
        await client.GetAsync("/account/dev-sign-in?userName=chef1", Ct);
        using (var before = await client.GetAsync("/my-orders", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Withdraw(app, Chef1Email, "*");
        using var after = await client.GetAsync("/my-orders", Ct);
        using var home = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(DemoOrganisation.AnnaLindqvist.Name, await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_IsFiveMinutesByDefault_AndNeverLonger()
    {
        using var app = AdminAppFactory.Development().WithSetting("Access:RoleRecheckInterval", "00:05:01");

        Assert.Equal(TimeSpan.FromMinutes(5), new RoleRecheckSettings().RoleRecheckInterval);
        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateTestClient());
        Assert.Contains("RoleRecheckInterval", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What Blazor does when a circuit starts: the provider gets the user of the request that opened it.</summary>
    private static RoleRecheckingAuthenticationStateProvider StartCircuit(AsyncServiceScope scope, string userName)
    {
        var provider = Assert.IsType<RoleRecheckingAuthenticationStateProvider>(
            scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(DevUsers.Find(userName)!.ToPrincipal())));
        return provider;
    }

    private static Task<AuthenticationState> NextChange(AuthenticationStateProvider provider)
    {
        var next = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => next.TrySetResult(await state);
        return next.Task;
    }

    /// <summary>As an administrator editing appsettings: the configuration reloads and the options follow.</summary>
    private static void Withdraw(AdminAppFactory app, string user, string role)
    {
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        configuration[$"{RoleRecheckSettings.SectionName}:RevokedRoles:{user}:0"] = role;
        configuration.Reload();
    }
}
