namespace MessageTrace.Generator.Profiles;

/// <summary>Small constructors that keep the profile files readable.</summary>
internal static class Recipes
{
    public static EquatableArray<T> List<T>(params T[] items)
        where T : System.IEquatable<T> => new(items);

    public static EquatableArray<string> Types(params string[] names) => new(names);

    /// <summary>An adapter written under Adapters/, with the files it uses first.</summary>
    public static AdapterRef Adapter(string name, params string[] uses) => new(name, new EquatableArray<string>([.. uses, name]));

    /// <summary>An outgoing adapter generic in the message's type arguments, made by <c>{name}.Create(...)</c>.</summary>
    public static AdapterRef GenericAdapter(string name, params string[] uses) => Adapter(name, uses) with { InfersTypeArguments = true };

    /// <summary>An adapter the runtime ships.</summary>
    public static AdapterRef RuntimeAdapter(string name) => new("global::MessageTrace." + name, EquatableArray<string>.Empty);

    public static CallArgument P(int parameter, string? member = null) => CallArgument.Of(parameter, member);
}
