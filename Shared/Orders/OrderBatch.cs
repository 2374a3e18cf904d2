using SocItConsole.Shared.Audit;

namespace SocItConsole.Shared.Orders;

/// <summary>
/// Many new-employee orders placed in one go (beställning för flera): pasted from Excel or uploaded as CSV, placed all
/// or nothing, one case per person. <see cref="Key"/> makes a second click (or a retried request) place nothing new;
/// the orders point back with <see cref="Order.BatchId"/>, and the receipt lists every case number.
/// </summary>
public sealed class OrderBatch
{
    public const int KeyMaxLength = 64;
    public const int FileNameMaxLength = 260;

    private OrderBatch()
    {
        Key = PlacedById = PlacedByName = string.Empty;
    }

    public OrderBatch(string key, int count, OrderChannel channel, Actor placedBy, DateTimeOffset placedAt, string? fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(placedBy);
        if (key.Length > KeyMaxLength)
        {
            throw new ArgumentException($"A batch key is at most {KeyMaxLength} characters.", nameof(key));
        }

        Key = key;
        Count = count;
        Channel = channel;
        PlacedById = placedBy.Id;
        PlacedByName = placedBy.Name;
        PlacedAt = placedAt.ToUniversalTime();
        FileName = fileName is { Length: > FileNameMaxLength } ? fileName[..FileNameMaxLength] : fileName;
    }

    public int Id { get; private set; }

    /// <summary>Unique: chosen by the form when it shows the dry run, so that placing twice places once.</summary>
    public string Key { get; private set; }

    /// <summary>How many orders (persons) it placed.</summary>
    public int Count { get; private set; }

    public OrderChannel Channel { get; private set; }

    public string PlacedById { get; private set; }

    public string PlacedByName { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>The uploaded file's name; none when the rows were pasted.</summary>
    public string? FileName { get; private set; }
}
