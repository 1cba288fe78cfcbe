// Prints one line and exits: what any .NET Native AOT command-line program pays to start.
Console.WriteLine("reference 1.0");
