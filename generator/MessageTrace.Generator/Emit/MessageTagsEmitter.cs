using MessageTrace.Generator.Profiles;

namespace MessageTrace.Generator.Emit;

/// <summary>
/// Writes the statements that record a message's catalogue attributes on an activity named
/// <c>activity</c>; only ever emitted inside an <c>IsAllDataRequested</c> branch.
/// </summary>
internal static class MessageTagsEmitter
{
    public static void Write(SourceWriter writer, EquatableArray<AttributeRecipe> recipes, string message)
    {
        int index = 0;
        foreach (var recipe in recipes)
        {
            string value = message.Length == 0 ? recipe.Expression : Templates.Message(recipe.Expression, message);
            string name = Literals.String(recipe.Name);
            string local = "v" + index++;
            switch (recipe.Kind)
            {
                case AttributeValueKind.String:
                    writer.Line($"if ({value} is {{ Length: > 0 }} {local}) activity.SetTag({name}, {local});");
                    break;
                case AttributeValueKind.StringList:
                    writer.Line($"if (global::MessageTrace.TagValues.StringArray({value}) is {{ }} {local}) activity.SetTag({name}, {local});");
                    break;
                case AttributeValueKind.EpochMilliseconds:
                    writer.Line($"if (global::MessageTrace.TagValues.EpochMilliseconds({value}) is {{ }} {local}) activity.SetTag({name}, {local});");
                    break;
                case AttributeValueKind.Int32:
                    writer.Line($"activity.SetTag({name}, (int){value});");
                    break;
                case AttributeValueKind.Int64:
                    writer.Line($"activity.SetTag({name}, (long){value});");
                    break;
            }
        }
    }
}
