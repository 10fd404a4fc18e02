namespace CityExchange.Web.Store;

/// <summary>
/// One upload or restore, accepted or rejected. Never deleted. An accepted import keeps the values it produced
/// (<see cref="Snapshot"/>, gzip-compressed CSV) so a year can be restored to that state; an upload keeps the file as
/// it was sent (<see cref="OriginalFile"/>) so editors can download it from the history.
/// </summary>
public sealed class ImportRecord
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Restored = "restored";

    /// <summary>
    /// The published figures of a year as they were when an import replaced them (the snapshot holds them, see
    /// <c>PublishedSnapshot</c>); restorable like an accepted import.
    /// </summary>
    public const string Published = "published";

    /// <summary>The user of a <see cref="Published"/> record: the figures are the report's, not an upload's.</summary>
    public const string PublishedReport = "published report";

    public long Id { get; set; }

    /// <summary>Null for a rejected file whose year could not be read (none chosen and none valid in the file).</summary>
    public int? Year { get; set; }

    public string Status { get; set; } = Accepted;

    public DateTime CreatedAt { get; set; }

    public string User { get; set; } = "";

    public string FileName { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public int Rows { get; set; }

    public int Values { get; set; }

    public int Errors { get; set; }

    /// <summary>For a restore: the import whose data was restored.</summary>
    public long? RestoredFromId { get; set; }

    public byte[]? Snapshot { get; set; }

    /// <summary>
    /// The uploaded bytes, gzip-compressed (at most the 10 MB upload limit before compression). Null for a restore
    /// (its file is the restored import's) and for imports recorded before files were kept.
    /// </summary>
    public byte[]? OriginalFile { get; set; }

    /// <summary>True when the values are synthetic demo data (the bundled demo years); a restore keeps the flag.</summary>
    public bool IsDemo { get; set; }
}
