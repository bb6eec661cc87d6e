/** The stand-in for Slack lives in src/local (npm start uses it offline); tests use the same one. */
export * from '../../src/local/slack-stand-in';
