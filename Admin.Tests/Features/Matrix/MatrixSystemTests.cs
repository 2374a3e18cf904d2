using SocItConsole.Admin.Features.Matrix;

namespace SocItConsole.Admin.Tests.Features.Matrix;

public class MatrixSystemTests
{
    [Theory]
    [InlineData("Appva", "Appva")]
    [InlineData("IntraPhone", "IntraPhone")]
    [InlineData("Smartkort (SITHS)", "Smartkort…")]
    [InlineData("Visma Window", "Visma Win…")]
    [InlineData("Ärende Mobil", "Ärende Mo…")]
    [InlineData("Treserva Mobil", "Treserva…")]
    public void AColumnHeader_IsTheNameUpToTenCharacters_ElseCutWithAnEllipsis(string name, string header)
    {
        var system = new MatrixSystem(1, name, IsActive: true, RequiresDigitalKeys: false, Levels: []);

        Assert.Equal(header, system.ShortName);
    }
}
