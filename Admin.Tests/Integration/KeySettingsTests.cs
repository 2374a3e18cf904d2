using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocItConsole.Admin.Features.Keys;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>The days after which a key still to be returned counts as not returned: 14, or the setting.</summary>
public class KeySettingsTests
{
    [Fact]
    public void ReturnOverdueAfterDays_IsReadFromTheSetting()
    {
        using var app = AdminAppFactory.Development().WithSetting("Keys:ReturnOverdueAfterDays", "21");
        using var _ = app.CreateTestClient();

        Assert.Equal(14, new KeyOptions().ReturnOverdueAfterDays);
        Assert.Equal(21, app.Services.GetRequiredService<IOptions<KeyOptions>>().Value.ReturnOverdueAfterDays);
    }

    [Fact]
    public void ANegativeReturnOverdueAfterDays_StopsTheStart()
    {
        using var app = AdminAppFactory.Development().WithSetting("Keys:ReturnOverdueAfterDays", "-1");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateTestClient());
        Assert.Contains("ReturnOverdueAfterDays", error.Message, StringComparison.Ordinal);
    }
}
