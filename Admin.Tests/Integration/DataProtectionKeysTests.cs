using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using SocItConsole.Admin.Tests.Infrastructure;

namespace SocItConsole.Admin.Tests.Integration;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens, at rest in <c>DataProtection:KeysPath</c>: plain XML
/// by default (the framework says so once per new key), encrypted when <c>DataProtection:CertificatePath</c> names a
/// certificate, and still readable after a restart with that certificate.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.Sqlite)]
public class DataProtectionKeysTests
{
    private const string Password = "test-lösenord";

    [Fact]
    public async Task WithACertificate_TheKeyIsEncryptedAtRest_AndReadAfterARestart()
    {
        using var folder = new TempFolder();
        var keys = folder.File("keys");
        var certificate = folder.File("keys.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedPfx(), TestContext.Current.CancellationToken);

        string protectedText;
        await using (var first = WithKeys(keys, certificate))
        {
            using var client = first.CreateTestClient();
            protectedText = Protector(first).Protect("hemlig");

            Assert.DoesNotContain(first.Logs, l => l.IsUnencryptedKeyWarning);
        }

        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "*.xml")), TestContext.Current.CancellationToken);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);

        await using var restarted = WithKeys(keys, certificate);
        using var restartedClient = restarted.CreateTestClient();
        Assert.Equal("hemlig", Protector(restarted).Unprotect(protectedText));
    }

    [Fact]
    public async Task WithoutACertificate_TheKeyIsPlainXml_AndTheFrameworkWarnsOnce()
    {
        using var folder = new TempFolder();
        var keys = folder.File("keys");

        await using (var app = WithKeys(keys, certificatePath: null))
        {
            using var client = app.CreateTestClient();
            Protector(app).Protect("hemlig");

            Assert.Single(app.Logs, l => l.IsUnencryptedKeyWarning);
        }

        var key = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(keys, "*.xml")), TestContext.Current.CancellationToken);
        Assert.Contains("<value>", key, StringComparison.Ordinal);
    }

    private static AdminAppFactory WithKeys(string keysPath, string? certificatePath)
    {
        var app = AdminAppFactory.EntraId().OnSqlite().WithSetting("DataProtection:KeysPath", keysPath);
        return certificatePath is null
            ? app
            : app.WithSetting("DataProtection:CertificatePath", certificatePath).WithSetting("DataProtection:CertificatePassword", Password);
    }

    private static IDataProtector Protector(AdminAppFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("DataProtectionKeysTests");

    private static byte[] SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SocItConsole data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, Password);
    }
}
