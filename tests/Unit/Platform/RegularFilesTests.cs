using System.Text;
using AwsSession.Platform;
using CsCheck;

namespace AwsSession.Tests.Unit.Platform;

public sealed class RegularFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-session-files-").FullName;

    private static readonly byte[][] Marks = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF]];

    [Fact]
    public void A_config_file_reads_as_a_stream_reader_detecting_byte_order_marks_would_read_it()
    {
        Gen.Select(Gen.Int[0, Marks.Length - 1], Gen.Byte.Array[0, 600], Gen.String[Gen.Char, 0, 80])
            .Sample((mark, bytes, text) =>
            {
                var path = Path.Combine(_dir, Guid.NewGuid().ToString("N")); // samples run in parallel
                // Raw bytes (invalid UTF-8 included) and real text, each behind every mark.
                foreach (var body in new[] { bytes, Encoding.UTF8.GetBytes(text) })
                {
                    File.WriteAllBytes(path, [.. Marks[mark], .. body]);
                    using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    RegularFiles.ReadTextIfPresent(path).ShouldBe(reader.ReadToEnd());
                }
            }, iter: 2_000);
    }

    [Fact]
    public void A_file_larger_than_one_read_is_read_whole()
    {
        var path = Path.Combine(_dir, "big");
        var text = string.Concat(Enumerable.Repeat("[profile p]\nregion = eu-west-1\n", 20_000));
        File.WriteAllText(path, text);
        RegularFiles.ReadTextIfPresent(path).ShouldBe(text);
    }

    [Fact]
    public void A_missing_file_is_none() =>
        RegularFiles.ReadTextIfPresent(Path.Combine(_dir, "missing")).ShouldBeNull();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
