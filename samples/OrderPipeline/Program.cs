// OrderPipeline: an order service, billing and shipping on a message broker, traced at compile time
// by MessageTrace. See README.md here, or run with --help.
return await OrderPipeline.PipelineApp.RunAsync(args);
