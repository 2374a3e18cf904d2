using MudBlazor;

namespace SocItConsole.Admin.Components.Layout;

/// <summary>A calm, high-contrast theme: this is a tool people use all day, not a showcase.</summary>
public static class AdminTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#2e7d6b",
            Tertiary = "#8a5a00",
            AppbarBackground = "#1f4e79",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.80)",
            DrawerIcon = "#1f4e79",
            TextPrimary = "rgba(0,0,0,0.87)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Liberation Sans", "Helvetica", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
