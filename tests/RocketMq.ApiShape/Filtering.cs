#nullable disable
// Mirrors FilterExpression and ExpressionType of RocketMQ.Client 5.2.1 (not nullable-annotated).
namespace Org.Apache.Rocketmq
{
    /// <summary>Kind of a subscription filter expression.</summary>
    public enum ExpressionType
    {
        /// <summary>Tag expression, e.g. <c>"*"</c> or <c>"a || b"</c>.</summary>
        Tag,

        /// <summary>SQL92 expression over message properties.</summary>
        Sql92,
    }

    /// <summary>A subscription filter expression.</summary>
    public class FilterExpression
    {
        /// <summary>Subscribe to all messages (tag expression <c>"*"</c>).</summary>
        public static readonly FilterExpression SubAll = new FilterExpression("*");

        /// <summary>Creates a filter expression.</summary>
        /// <param name="expression">The expression text.</param>
        /// <param name="type">The expression kind; <see cref="ExpressionType.Tag"/> by default.</param>
        public FilterExpression(string expression, ExpressionType type = ExpressionType.Tag)
        {
            Expression = expression;
            Type = type;
        }

        /// <summary>The expression kind.</summary>
        public ExpressionType Type { get; }

        /// <summary>The expression text.</summary>
        public string Expression { get; }
    }
}
