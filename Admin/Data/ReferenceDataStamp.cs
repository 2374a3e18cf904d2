using Microsoft.EntityFrameworkCore;

namespace SocItConsole.Admin.Data;

/// <summary>
/// The reference data's version stamp (decision 0050): a number the database advances with every change to the
/// tables in <see cref="StampedTables"/>, by trigger, so that a change from any process is seen by the next read.
/// Not part of the EF model: nothing in the app writes it.
/// </summary>
public static class ReferenceDataStamp
{
    public const string Table = "ReferenceDataVersion";

    /// <summary>What order intake reads as reference data: titles, units, systems, levels and the matrix.</summary>
    public static readonly IReadOnlyList<string> StampedTables =
        ["JobTitles", "Units", "UnitManagers", "UnitSystems", "ItSystems", "SystemLevels", "MatrixEntries"];

    /// <summary>One indexed read of one row.</summary>
    public static async Task<long> ReadAsync(SocItDbContext db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<long>($"""SELECT "Version" AS "Value" FROM "{Table}" WHERE "Id" = 1""").SingleAsync(ct);
}
