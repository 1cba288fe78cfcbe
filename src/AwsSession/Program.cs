using AwsSession.Cli;

return await App.RunAsync(args, AppContextFactory.FromProcess);
