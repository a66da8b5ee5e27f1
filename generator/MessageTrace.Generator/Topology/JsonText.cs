using System.Globalization;
using System.Text;

namespace MessageTrace.Generator.Topology;

/// <summary>
/// A small JSON writer with two-space indentation and one fixed layout, so the same document always has
/// the same bytes (netstandard2.0 generators have no System.Text.Json without shipping it).
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _first = true;

    public JsonText OpenObject(string? name = null) => Open(name, '{');

    public JsonText CloseObject() => Close('}');

    public JsonText OpenArray(string? name = null) => Open(name, '[');

    public JsonText CloseArray() => Close(']');

    public JsonText String(string name, string? value) => value is null ? Null(name) : Value(name, Quote(value));

    public JsonText String(string value) => Value(null, Quote(value));

    public JsonText Number(string name, int value) => Value(name, value.ToString(CultureInfo.InvariantCulture));

    public JsonText Bool(string name, bool value) => Value(name, value ? "true" : "false");

    public JsonText Null(string name) => Value(name, "null");

    /// <summary>A <c>{"$ref": "..."}</c> object, on one line.</summary>
    public JsonText Ref(string? name, string target) => Value(name, "{ \"$ref\": " + Quote(target) + " }");

    public override string ToString() => _text.ToString() + "\n";

    private JsonText Open(string? name, char bracket)
    {
        Member(name);
        _text.Append(bracket);
        _depth++;
        _first = true;
        return this;
    }

    private JsonText Close(char bracket)
    {
        _depth--;
        if (!_first)
        {
            NewLine();
        }

        _text.Append(bracket);
        _first = false;
        return this;
    }

    private JsonText Value(string? name, string text)
    {
        Member(name);
        _text.Append(text);
        return this;
    }

    private void Member(string? name)
    {
        if (_text.Length > 0)
        {
            if (!_first)
            {
                _text.Append(',');
            }

            NewLine();
        }

        _first = false;
        if (name is not null)
        {
            _text.Append(Quote(name)).Append(": ");
        }
    }

    private void NewLine() => _text.Append('\n').Append(' ', _depth * 2);

    /// <summary>A JSON string: quotes, backslashes and control characters escaped (RFC 8259).</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
