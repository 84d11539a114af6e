using System.Globalization;
using System.Text;
using DiffPlex;

namespace Renderer.Cli.Diff;

/// <summary>
/// A unified diff that <c>git apply</c> (and <c>patch -p1</c>) accepts: lines end at '\n' only, a final line
/// without one is marked "\ No newline at end of file", an added file is diffed from /dev/null and a removed
/// one to /dev/null, and hunks carry exact line counts.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/> (null: the file does not exist), or "" when they are equal.</summary>
    public static string Create(string? before, string? after, string oldName, string newName)
    {
        var result = Differ.Instance.CreateDiffs(before ?? string.Empty, after ?? string.Empty, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        if (result.DiffBlocks.Count == 0 && (before is null) == (after is null)) return string.Empty;
        var old = result.PiecesOld;
        var @new = result.PiecesNew;
        var text = new StringBuilder();
        text.Append("--- ").Append(before is null ? "/dev/null" : oldName).Append('\n');
        text.Append("+++ ").Append(after is null ? "/dev/null" : newName).Append('\n');

        var blocks = result.DiffBlocks;
        for (var first = 0; first < blocks.Count;)
        {
            // One hunk: the blocks whose unchanged gaps are short enough to be shared context.
            var last = first;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context) last++;
            var oldStart = Math.Max(0, blocks[first].DeleteStartA - Context);
            var oldEnd = Math.Min(old.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var newStart = oldStart + (blocks[first].InsertStartB - blocks[first].DeleteStartA);
            var newEnd = oldEnd + (blocks[last].InsertStartB + blocks[last].InsertCountB - (blocks[last].DeleteStartA + blocks[last].DeleteCountA));
            text.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");

            var position = oldStart;
            for (var i = first; i <= last; i++)
            {
                var block = blocks[i];
                for (; position < block.DeleteStartA; position++) Line(text, ' ', old[position]);
                for (var k = 0; k < block.DeleteCountA; k++) Line(text, '-', old[block.DeleteStartA + k]);
                for (var k = 0; k < block.InsertCountB; k++) Line(text, '+', @new[block.InsertStartB + k]);
                position = block.DeleteStartA + block.DeleteCountA;
            }

            for (; position < oldEnd; position++) Line(text, ' ', old[position]);
            first = last + 1;
        }

        return text.ToString();
    }

    /// <summary>"start,count" with 1-based lines; an empty range names the line before it (0 at the top of the file).</summary>
    private static string Range(int start, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{(count == 0 ? start : start + 1)},{count}");

    private static void Line(StringBuilder text, char marker, string line)
    {
        text.Append(marker);
        if (line.EndsWith('\n'))
        {
            text.Append(line);
        }
        else
        {
            text.Append(line).Append("\n\\ No newline at end of file\n");
        }
    }

    /// <summary>Splits at '\n' only, keeping each line's end, so "a" and "a\n" differ and a '\r' stays part of its line.</summary>
    private sealed class LineChunker : IChunker
    {
        public static LineChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var lines = new List<string>();
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                var next = end < 0 ? text.Length : end + 1;
                lines.Add(text[start..next]);
                start = next;
            }

            return lines;
        }
    }
}
