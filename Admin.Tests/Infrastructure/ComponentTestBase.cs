using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using SocItConsole.Admin.Components.Layout;
using SocItConsole.Admin.Infrastructure.Authentication;

namespace SocItConsole.Admin.Tests.Infrastructure;

/// <summary>
/// bunit with MudBlazor (no transitions), loose JS interop and the app's real authorization policies, so that a
/// test renders what the signed-in user of <see cref="SignInAs"/> would see.
/// </summary>
public abstract class ComponentTestBase : BunitContext
{
    private readonly TestAuthenticationStateProvider _authentication = new();

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        // bunit registers stand-ins that throw; the real services evaluate the app's own policies.
        Services.AddAuthorizationCore(Policies.Configure);
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgeryStateProvider>();
        Services.AddSingleton(TimeProvider.System);
        // Tests render MudBlazor's providers themselves where they need them, as they did when the layout held them:
        // a page's LivePage leaves them out (decision 0049). UseLivePageProviders gives them back to LivePage.
        Services.AddScoped(_ => LiveProviderClaim.HeldElsewhere());
    }

    /// <summary>For a test of LivePage itself: LivePage renders the providers, as in the app.</summary>
    protected void UseLivePageProviders() => Services.AddScoped<LiveProviderClaim>();

    /// <summary>Signs in as one of the development sign-in's demo users (the claims Entra ID would issue).</summary>
    protected void SignInAs(string userName) =>
        _authentication.User = DevUsers.Find(userName)?.ToPrincipal()
            ?? throw new ArgumentException($"No demo user '{userName}'", nameof(userName));

    /// <summary>Signs in as a user made for the test, e.g. a demo user with more roles.</summary>
    protected void SignInWith(DevUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        _authentication.User = user.ToPrincipal();
    }

    /// <summary>Call after the services a test adds are registered: the renderer is fixed from then on.</summary>
    protected void RenderInteractively() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
    {
        public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(User));
    }

    private sealed class TestAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
