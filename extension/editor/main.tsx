import { render } from "preact"; render(<p>editor</p>, document.getElementById("app")!);
