// Stands in, in the Lambda bundles only, for the packages behind Bolt's HTTP, Express and
// Socket Mode receivers (express, raw-body, @slack/socket-mode: about 1 MB with undici and
// iconv-lite). Lambda uses AwsLambdaReceiver, which needs none of them; Bolt requires them
// when it loads but calls them only when one of those receivers is built, so a call here
// means a receiver that cannot work on Lambda was asked for.
function notOnLambda() {
  throw new Error(
    "Not bundled for Lambda: Bolt's HTTP, Express and Socket Mode receivers do not run there (cdk/esbuild-options.ts).",
  );
}
module.exports = notOnLambda;
module.exports.default = notOnLambda;
module.exports.Router = notOnLambda;
module.exports.SocketModeClient = notOnLambda;
