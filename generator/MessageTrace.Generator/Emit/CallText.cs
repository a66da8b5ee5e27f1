using System.Collections.Generic;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// The arguments and the lambda of a call the runtime makes for an interceptor: the intercepted call's
/// receiver and parameters travel as <c>a</c> (the value itself when there is one, else a value tuple),
/// and the message the runtime hands back travels as <c>m</c>.
/// </summary>
internal sealed class CallText
{
    private readonly List<string> _names;

    private CallText(List<string> names) => _names = names;

    /// <summary>Passes the receiver (when the method has one) and the parameters not in <paramref name="excluded"/>.</summary>
    public static CallText For(CallSignature signature, bool hasReceiver, ISet<int> excluded)
    {
        var names = new List<string>();
        if (hasReceiver)
        {
            names.Add("receiver");
        }

        for (int i = 0; i < signature.Parameters.Count; i++)
        {
            if (!excluded.Contains(i))
            {
                names.Add(signature.Parameters[i].Name);
            }
        }

        return new CallText(names);
    }

    /// <summary>Passes the values named <paramref name="names"/>.</summary>
    public static CallText Of(IEnumerable<string> names) => new(new List<string>(names));

    /// <summary>The <c>args</c> expression.</summary>
    public string Arguments => _names.Count switch
    {
        0 => "(object?)null",
        1 => _names[0],
        _ => "(" + string.Join(", ", _names) + ")",
    };

    /// <summary>How the lambda names a passed value.</summary>
    public string Get(string name) => _names.Count == 1 ? "a" : "a." + name;

    /// <summary>The lambda's parameters: the message and the arguments, or the arguments alone.</summary>
    public static string Lambda(bool withMessage, string body) => (withMessage ? "static (m, a) => " : "static a => ") + body;
}
