using System.Globalization;

namespace Renderer.Core.Validation;

/// <summary>The CronJob schedule syntax the API server accepts: five fields, or a macro such as <c>@daily</c>.</summary>
public static class CronSchedule
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>Null when valid, else what is wrong.</summary>
    public static string? Check(string schedule)
    {
        var text = schedule.Trim();
        if (text.StartsWith("TZ=", StringComparison.Ordinal) || text.StartsWith("CRON_TZ=", StringComparison.Ordinal))
        {
            return "a time zone inside the schedule is not allowed; use spec.timeZone";
        }

        if (text.StartsWith('@'))
        {
            if (text.StartsWith("@every ", StringComparison.Ordinal)) return null;
            return Macros.Contains(text, StringComparer.Ordinal) ? null : $"\"{text}\" is not a known macro (@hourly, @daily, @weekly, @monthly, @yearly)";
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5) return $"it has {fields.Length} fields; a schedule has five: minute hour day-of-month month day-of-week";
        (string Name, int Min, int Max, string[]? Names)[] ranges =
        [
            ("minute", 0, 59, null), ("hour", 0, 23, null), ("day of month", 1, 31, null), ("month", 1, 12, Months), ("day of week", 0, 7, Days),
        ];
        for (var i = 0; i < 5; i++)
        {
            if (CheckField(fields[i], ranges[i].Min, ranges[i].Max, ranges[i].Names) is { } problem) return $"the {ranges[i].Name} field \"{fields[i]}\" {problem}";
        }

        return null;
    }

    private static string? CheckField(string field, int min, int max, string[]? names)
    {
        foreach (var part in field.Split(','))
        {
            var range = part;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step <= 0) return "has an invalid step";
                range = part[..slash];
            }

            if (range is "*" or "?") continue;
            var bounds = range.Split('-');
            if (bounds.Length > 2) return "has an invalid range";
            var values = new List<int>();
            foreach (var bound in bounds)
            {
                if (int.TryParse(bound, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(value);
                }
                else if (names is not null && Array.IndexOf(names, bound.ToLowerInvariant()) is var index and >= 0)
                {
                    values.Add(index + (names == Months ? 1 : 0));
                }
                else
                {
                    return "is not a number, a range, a list or *";
                }
            }

            if (values.Any(v => v < min || v > max)) return $"is outside {min}-{max}";
            if (values.Count == 2 && values[0] > values[1]) return "has a range that runs backwards";
        }

        return null;
    }
}
