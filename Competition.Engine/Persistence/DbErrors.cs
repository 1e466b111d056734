using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Persistence;

/// <summary>What a failed save means, on either provider, so a handler can turn a lost race into a rule refusal instead of a 500.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
