using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace SocItConsole.Admin.Infrastructure.Web;

/// <summary>
/// Where and how long the console's snackbars show, so that they never cover what the user works on: in the menu
/// column under its entries (over the middle of the app bar while the menu is closed; MainLayout and app.css place
/// them), a confirmation for <see cref="ConfirmationMilliseconds"/> and replaced by the next one, a warning or an error
/// until it is closed, and none carried over to the next page.
/// </summary>
public static class AdminSnackbars
{
    /// <summary>How long a confirmation (success, info) stays: long enough to read a sentence, short enough to be gone.</summary>
    public const int ConfirmationMilliseconds = 3000;

    /// <summary>At most two at once: both fit under the menu at 768 px height.</summary>
    public const int MaxShown = 2;

    public static void Configure(SnackbarConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.PositionClass = Defaults.Classes.Position.BottomLeft;
        configuration.VisibleStateDuration = ConfirmationMilliseconds;
        configuration.ShowTransitionDuration = 150;
        configuration.HideTransitionDuration = 300;
        configuration.MaxDisplayedSnackbars = MaxShown;
        configuration.PreventDuplicates = true;
        configuration.NewestOnTop = false;
        configuration.ShowCloseIcon = true;
        configuration.ClearAfterNavigation = true;
    }

    /// <summary>
    /// Replaces MudBlazor's snackbar service with <see cref="SeveritySnackbar"/> around it; call after
    /// <c>AddMudServices</c>.
    /// </summary>
    public static IServiceCollection AddAdminSnackbars(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped<ISnackbar>(
            provider => new SeveritySnackbar(ActivatorUtilities.CreateInstance<SnackbarService>(provider))));
        return services;
    }

    /// <summary>The options a snackbar of this severity gets before the caller's own.</summary>
    public static void ApplyTo(SnackbarOptions options, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StaysUntilClosed(severity))
        {
            options.RequireInteraction = true;
        }
        else
        {
            options.RequireInteraction = false;
            options.VisibleStateDuration = ConfirmationMilliseconds;
        }
    }

    public static bool StaysUntilClosed(Severity severity) => severity is Severity.Error or Severity.Warning;
}

/// <summary>
/// MudBlazor's snackbar service with the console's rules per severity (<see cref="AdminSnackbars.ApplyTo"/>), so that
/// no page has to remember them: warnings and errors stay until closed, and a new message replaces the confirmations
/// still showing instead of stacking on them.
/// </summary>
public sealed class SeveritySnackbar(SnackbarService inner) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public SnackbarConfiguration Configuration => inner.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        RemoveConfirmations();
        return inner.Add(message, severity, Options(severity, configure), key);
    }

    /// <summary>
    /// The interface's markup overload. The console renders no raw markup (free text must reach the page through
    /// Razor's encoding), so what it is given is shown as text.
    /// </summary>
    Snackbar? ISnackbar.Add(MarkupString message, Severity severity, Action<SnackbarOptions>? configure, string? key) =>
        Add(message.Value, severity, configure, key);

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        RemoveConfirmations();
        return inner.Add(message, severity, Options(severity, configure), key);
    }

    public Snackbar? Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(
        Dictionary<string, object>? componentParameters = null, Severity severity = Severity.Normal,
        Action<SnackbarOptions>? configure = null, string? key = null)
        where T : IComponent
    {
        RemoveConfirmations();
        return inner.Add<T>(componentParameters, severity, Options(severity, configure), key);
    }

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    public void Dispose() => inner.Dispose();

    private static Action<SnackbarOptions> Options(Severity severity, Action<SnackbarOptions>? configure) => options =>
    {
        AdminSnackbars.ApplyTo(options, severity);
        configure?.Invoke(options);
    };

    private void RemoveConfirmations()
    {
        foreach (var shown in inner.ShownSnackbars.Where(s => !AdminSnackbars.StaysUntilClosed(s.Severity)).ToList())
        {
            inner.Remove(shown);
        }
    }
}
