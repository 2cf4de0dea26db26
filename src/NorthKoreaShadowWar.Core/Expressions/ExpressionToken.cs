namespace NorthKoreaShadowWar.Expressions;

/// <summary>The kinds of token in a condition or an expression.</summary>
internal enum TokenKind
{
    Number,
    Name,
    Symbol,
    End,
}

/// <summary>One token of an expression, with its character offset in the expression text.</summary>
internal readonly record struct ExpressionToken(TokenKind Kind, string Text, double Number, int Offset)
{
    public bool Is(string symbolOrKeyword) =>
        (Kind == TokenKind.Symbol || Kind == TokenKind.Name) && Text == symbolOrKeyword;
}
