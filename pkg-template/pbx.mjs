// The PBX's URL and error codes, no wasm. Joined with api.mjs into pkg/api.js: hence the prefixes.

const PBX_FIELDS = ["host", "port", "version", "token"];

// Per locale: labels (PBX_FIELDS order), messages (`x`: expected type or unknown key).
const PBX_SAY = {
  en: [
    ["PBX host", "Port", "API version", "Token"],
    {
      required: (L) => `${L} is required.`,
      blank: (L) => `${L} cannot be blank.`,
      wrong_type: (L, x) => `${L} must be a ${x}.`,
      out_of_range: (L) => `${L} must be a number from 1 to 65535.`,
      invalid_host: (L) =>
        `${L} must be a host name, an IPv4 address or an IPv6 address, without scheme, path or port (give the port as target.port).`,
      invalid_version: (L) => `${L} must look like v1.0.0.`,
      invalid_chars: (L) => `${L} contains a broken character (an unpaired UTF-16 surrogate).`,
      unknown_field: (L, x) => `"${x}" is not a field of the request target.`,
    },
  ],
  "zh-CN": [
    ["PBX 地址", "端口", "API 版本", "令牌"],
    {
      required: (L) => `${L}为必填项。`,
      blank: (L) => `${L}不能为空。`,
      wrong_type: (L, x) => `${L}必须是字符串${x === "string" ? "" : "或数字"}。`,
      out_of_range: (L) => `${L}必须是 1 到 65535 之间的数字。`,
      invalid_host: (L) => `${L}必须是主机名、IPv4 或 IPv6 地址，不带协议、路径或端口（端口请用 target.port 指定）。`,
      invalid_version: (L) => `${L}的格式应类似 v1.0.0。`,
      invalid_chars: (L) => `${L}包含损坏的字符（未配对的 UTF-16 代理项）。`,
      unknown_field: (L, x) => `"${x}" 不是请求目标的字段。`,
    },
  ],
};

// [keys, ...values of names]. Like bad options, a non-plain or throwing object is misuse.
function pbxRead(x, what, names) {
  try {
    if (x !== null && typeof x === "object" && Object.prototype.toString.call(x) === "[object Object]") {
      return [Object.keys(x), ...names.map((k) => x[k])];
    }
  } catch (cause) {
    throw new TypeError(`${what} could not be read`, { cause });
  }
  throw new TypeError(`${what} must be a plain object`);
}

// No leading zero: URL parsers read "010" as octal.
function pbxIsIPv4(s) {
  const p = s.split(".");
  return p.length === 4 && p.every((n) => /^(0|[1-9]\d{0,2})$/.test(n) && n < 256);
}

// RFC 4291: 8 groups, or fewer around one "::"; an IPv4 tail counts as two.
function pbxIsIPv6(s) {
  const halves = s.split("::");
  let groups = 0;
  for (let h = 0; h < halves.length; h++) {
    const parts = halves[h] ? halves[h].split(":") : [];
    for (let i = 0; i < parts.length; i++) {
      if (/^[0-9a-f]{1,4}$/i.test(parts[i])) groups++;
      else if (h === halves.length - 1 && i === parts.length - 1 && pbxIsIPv4(parts[i])) groups += 2;
      else return false;
    }
  }
  return halves.length === 1 ? groups === 8 : halves.length === 2 && groups < 8;
}

// The host as the URL spells it, or undefined.
function pbxHost(s) {
  if (s[0] === "[" || s.includes(":")) {
    const ip = s[0] !== "[" ? s : s.endsWith("]") ? s.slice(1, -1) : "";
    return pbxIsIPv6(ip) ? `[${ip.toLowerCase()}]` : undefined;
  }
  const labels = (s.endsWith(".") ? s.slice(0, -1) : s).split(".");
  // URL parsers read a host ending in a number as IPv4 ("0x7f.0.0.1" is 127.0.0.1).
  if (/^(\d+|0x[0-9a-f]*)$/i.test(labels[labels.length - 1])) return pbxIsIPv4(s) ? s : undefined;
  const ok = labels.join(".").length <= 253 && labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
  return ok ? s.toLowerCase() : undefined;
}

// 40 code points at most; control characters and lone surrogates would not show.
function pbxShowKey(key) {
  const cps = Array.from(key);
  const esc = (c) => "\\u" + c.codePointAt(0).toString(16).padStart(4, "0");
  const shown = cps.slice(0, 40).map((c) => (/[\0-\x1f\x7f-\x9f\ud800-\udfff]/u.test(c) ? esc(c) : c));
  return shown.join("") + (cps.length > 40 ? "…" : "");
}

// undefined/null → null; a non-blank string → itself; else [code, params?].
function pbxString(v) {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") return ["wrong_type", { expected: "string" }];
  return v.trim() ? v : ["blank"];
}

/**
 * The URL of the PBX's extension/update API for `target` ({ host, port?, version?, token }):
 * `{ url }`, or `{ errors }` (FieldErrors in `locale`: "en" or "zh-CN"), never showing the host
 * or the token. Throws a TypeError when `target` is not a plain object.
 */
export function requestTarget(target, locale) {
  const [keys, host, port, version, token] = pbxRead(target, "target", PBX_FIELDS);
  const found = []; // [key, code, params?]

  let h = pbxString(host) ?? ["required"];
  if (typeof h === "string") h = pbxHost(h.trim()) ?? ["invalid_host"];
  if (Array.isArray(h)) found.push(["host", ...h]);

  let p = port ?? 8088;
  if (typeof p === "string") p = !p.trim() ? "" : /^\d+$/.test(p.trim()) ? Number(p) : NaN;
  if (p === "") found.push(["port", "blank"]);
  else if (typeof p !== "number") found.push(["port", "wrong_type", { expected: "string or number" }]);
  else if (!(Number.isInteger(p) && p >= 1 && p <= 65535)) found.push(["port", "out_of_range", { min: 1, max: 65535 }]);

  let v = pbxString(version) ?? "v1.0.0";
  if (typeof v === "string") v = /^v\d+(\.\d+)*$/.test(v.trim()) ? v.trim() : ["invalid_version"];
  if (Array.isArray(v)) found.push(["version", ...v]);

  // A secret is sent as given, never trimmed (SPEC §2).
  let t = pbxString(token) ?? ["required"];
  try {
    if (typeof t === "string") t = encodeURIComponent(t);
  } catch {
    t = ["invalid_chars"]; // a lone surrogate has no UTF-8 form
  }
  if (Array.isArray(t)) found.push(["token", ...t]);

  for (const k of keys) if (!PBX_FIELDS.includes(k)) found.push([k, "unknown_field"]);

  if (!found.length) return { url: `https://${h}:${p}/api/${v}/extension/update?token=${t}` };
  const [labels, say] = PBX_SAY[locale === "zh-CN" ? locale : "en"];
  const errors = found.map(([k, code, params]) => {
    const x = code === "unknown_field" ? pbxShowKey(k) : params && params.expected;
    const e = { field: "target." + k, code, message: say[code](labels[PBX_FIELDS.indexOf(k)], x) };
    return params ? { ...e, params } : e;
  });
  return { errors };
}

// [what the PBX means, what to do in an extension update].
const PBX_ERRNO = {
  en: {
    10002: ["The PBX does not accept XML.", "Send the body as JSON with Content-Type: application/json."],
    10003: ["The PBX does not support this API request.", "Check the URL path /api/{version}/extension/update on the API port."],
    10004: ["A required parameter is blank.", "Send extid (validate the body with this package first)."],
    10006: ["The extension does not exist.", "Check extid: no extension on the PBX has this number."],
    10007: ["The call does not exist.", "Not expected for an extension update: check that the URL points to /extension/update."],
    10017: ["The extension configuration failed.", "The PBX refused the values: check them in its web interface and retry."],
    10025: ["Changes are applied too often.", "Wait a few seconds before the next update."],
    20000: ["The API accepts JSON only.", "Send JSON, with the header Content-Type: application/json."],
    20001: ["The API accepts POST only.", "Use POST."],
    20004: ["The token does not exist.", "Log in again via /api/{version}/login."],
    20005: ["The token is blank.", "Add ?token=… to the URL."],
    20006: ["The token has timed out.", "Log in again via /api/{version}/login, and keep the token alive with the heartbeat API."],
    30001: ["An error occurred in the PBX's API code.", "Retry, then check the API settings and the firmware of the PBX."],
  },
  "zh-CN": {
    10002: ["PBX 不接受 XML。", "请以 JSON 发送请求体，并设置 Content-Type: application/json。"],
    10003: ["PBX 不支持该 API 请求。", "请检查 URL 路径是否为 API 端口上的 /api/{version}/extension/update。"],
    10004: ["必填参数为空。", "请发送 extid（先用本软件包校验请求体）。"],
    10006: ["分机不存在。", "请检查 extid：PBX 上没有这个号码的分机。"],
    10007: ["通话不存在。", "更新分机时不应出现此错误：请检查 URL 是否指向 /extension/update。"],
    10017: ["分机配置失败。", "PBX 拒绝了这些值：请在其网页界面中检查后重试。"],
    10025: ["自动应用过于频繁。", "请等待几秒再发送下一次更新。"],
    20000: ["该 API 只接受 JSON。", "请发送 JSON，并带上请求头 Content-Type: application/json。"],
    20001: ["该 API 只接受 POST。", "请使用 POST。"],
    20004: ["令牌不存在。", "请通过 /api/{version}/login 重新登录。"],
    20005: ["令牌为空。", "请在 URL 中加上 ?token=…。"],
    20006: ["令牌已超时。", "请通过 /api/{version}/login 重新登录，并用心跳 API 保持令牌有效。"],
    30001: ["PBX 的 API 程序出错。", "请重试，再检查 PBX 的 API 设置和固件。"],
  },
};

// `c`: the code, or "" when it is not digits (so not shown).
const PBX_UNKNOWN = {
  en: [
    (c) => `The PBX answered with ${c ? `error code ${c}, which` : "an error code that"} this package does not know.`,
    "Check the PBX's API documentation for this code.",
  ],
  "zh-CN": [(c) => `PBX 返回了本软件包不认识的错误码${c && " " + c}。`, "请查阅 PBX 的 API 文档了解此错误码。"],
};

/**
 * What a PBX error code means, and what to do about it in an extension update.
 * `errno`: the code (string or number) or the PBX's answer `{ status: "Failed", errno }`;
 * `options.locale`: "en" (default) or "zh-CN". Returns `{ errno, known, message, hint }`
 * (`errno` as a string); throws a TypeError for anything else.
 */
export function explainErrno(errno, options) {
  const [, locale] = options == null ? [] : pbxRead(options, "explainErrno: options", ["locale"]);
  let e = errno !== null && typeof errno === "object" ? pbxRead(errno, "explainErrno: the answer", ["errno"])[1] : errno;
  if (typeof e === "number") e = String(e);
  else if (typeof e === "string") e = e.trim();
  else throw new TypeError("explainErrno expects an error code (string or number) or the PBX's answer");
  const lang = locale === "zh-CN" ? locale : "en";
  // Only digits are looked up or shown ("constructor" would find Object's).
  const digits = /^\d{1,10}$/.test(e) ? e : "";
  const row = digits && PBX_ERRNO[lang][e];
  const [message, hint] = row || [PBX_UNKNOWN[lang][0](digits), PBX_UNKNOWN[lang][1]];
  return { errno: e, known: !!row, message, hint };
}
