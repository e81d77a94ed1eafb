using EvalFramework.Cli;
using EvalFramework.Evaluation.Configuration;

// evalctl: the commands are listed in EvalCtl; Main only wires the console and the process environment.
return EvalCtl.Run(args, Console.Out, Console.Error, EvaluationConfigLoader.OverridesFrom(Environment.GetEnvironmentVariables()));
