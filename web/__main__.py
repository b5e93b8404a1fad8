"""`python -m web [port]`: the CAPTCHA routes of /webhooks/web/ alone (for `rasa shell`)."""

import sys

from sanic import Sanic

from web.channel import assets_blueprint


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5006
    app = Sanic("assistant_web_assets")
    app.blueprint(assets_blueprint(), url_prefix="/webhooks/web")
    app.run(host="127.0.0.1", port=port, access_log=False)


if __name__ == "__main__":
    main()
