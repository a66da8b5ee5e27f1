using System.Collections.Generic;

namespace MessageTrace.Generator.Profiles;

/// <summary>Small constructors that keep the profile files readable.</summary>
internal static class Recipes
{
    public static EquatableArray<T> List<T>(params T[] items)
        where T : System.IEquatable<T> => new(items);

    public static EquatableArray<string> Types(params string[] names) => new(names);

    public static AttributeRecipe Text(string name, string expression) => new(name, expression, AttributeValueKind.String);

    public static AttributeRecipe Texts(string name, string expression) => new(name, expression, AttributeValueKind.StringList);

    public static AttributeRecipe EpochMs(string name, string expression) => new(name, expression, AttributeValueKind.EpochMilliseconds);

    public static AttributeRecipe Int(string name, string expression) => new(name, expression, AttributeValueKind.Int32);

    public static AttributeRecipe Long(string name, string expression) => new(name, expression, AttributeValueKind.Int64);

    public static HeaderAccessRecipe Runtime(string accessType) => new(accessType, null);

    public static IEnumerable<T> Concat<T>(params IEnumerable<T>[] parts)
    {
        foreach (var part in parts)
        {
            foreach (var item in part)
            {
                yield return item;
            }
        }
    }
}
