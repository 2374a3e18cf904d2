using SocItConsole.Admin.Data;

namespace SocItConsole.Admin.Tests.Data;

public class BackupFilesTests
{
    private const string Database = "/var/lib/socit/socit.db";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NameFor_IsTheDatabaseAndTheInstantInUtc_AndReadsBack()
    {
        var takenAt = new DateTimeOffset(2026, 3, 29, 3, 30, 5, TimeSpan.FromHours(2));

        var name = BackupFiles.NameFor(Database, takenAt);

        Assert.Equal("socit-20260329T013005Z.db", name);
        Assert.True(BackupFiles.TryReadTakenAt(Database, name, out var read));
        Assert.Equal(takenAt, read);
    }

    [Theory]
    [InlineData("socit-20261127T020000Z.db.partial")]
    [InlineData("socit-2026-11-27.db")]
    [InlineData("other-20261127T020000Z.db")]
    [InlineData("socit.db.before-restore-20261127T020000Z")]
    [InlineData("notes.txt")]
    public void TryReadTakenAt_IsFalse_ForAnyOtherFile(string fileName) =>
        Assert.False(BackupFiles.TryReadTakenAt(Database, fileName, out _));

    /// <summary>Ages in days of the backups in the folder; the ones deleted with 14 days' retention and 3 kept at least.</summary>
    [Theory]
    [InlineData(new[] { 0, 1, 2, 13 }, new int[0])]
    [InlineData(new[] { 0, 1, 2, 14, 15, 30 }, new[] { 15, 30 })]
    [InlineData(new[] { 20, 30, 40, 50 }, new[] { 50 })]
    [InlineData(new[] { 20, 30 }, new int[0])]
    [InlineData(new[] { 0, 15, 16, 17 }, new[] { 17 })]
    public void ToDelete_TakesThoseOlderThanTheRetention_ButKeepsTheNewest(int[] agesInDays, int[] deleted)
    {
        var backups = agesInDays.Select(days => Now.AddDays(-days)).ToList();

        var toDelete = BackupFiles.ToDelete(backups, b => b, Now, retentionDays: 14, keepAtLeast: 3);

        Assert.Equal(deleted.Select(days => Now.AddDays(-days)).Order(), toDelete.Order());
    }

    [Fact]
    public void Problems_NameEachSettingThatCannotBeUsed()
    {
        var options = new BackupOptions { Folder = " ", RetentionDays = 0, KeepAtLeast = 0 };

        var problems = options.Problems();

        Assert.Collection(
            problems,
            p => Assert.StartsWith("Backup:Folder must be set", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Backup:RetentionDays must be 1 or more", p, StringComparison.Ordinal),
            p => Assert.StartsWith("Backup:KeepAtLeast must be 1 or more", p, StringComparison.Ordinal));
        Assert.Empty(new BackupOptions().Problems());
    }
}
