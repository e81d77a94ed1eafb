namespace EvalFramework.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: evalctl <command> ...");
        return args.Length == 0 ? 2 : 2;
    }
}
