// Imported first by local entry points, before any AWS SDK module is evaluated. Locally we
// may run on Node 20 (the README's minimum); Lambda runs Node 22, which the SDK's notice
// about "Node >= 22 from January 2027" is about.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
