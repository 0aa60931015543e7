-module(std_uri_string).
-export([main/0]).

%% uri_string: parse, recompose, normalize, dissect_query, compose_query, quote.

main() ->
    Uris = ["http://user@example.com:8080/path/to?q=1&r=2#frag", "urn:isbn:0451450523", "/relative/path?x",
            <<"https://example.com/a%20b">>, "mailto:someone@example.org", "http://[::1]:80/", "foo://%zz"],
    [io:format("~p~n  ~p~n", [U, uri_string:parse(U)]) || U <- Uris],
    io:format("~p~n", [uri_string:recompose(#{scheme => "https", host => "h.example", path => "/p", query => "a=b"})]),
    io:format("~p~n", [uri_string:normalize("HTTP://Example.COM:80/a/./b/../c")]),
    io:format("~p~n", [uri_string:dissect_query("a=1&b=two&c&d=%41")]),
    io:format("~p~n", [uri_string:compose_query([{"a", "1"}, {"b", "x y"}, {"c", true}])]),
    io:format("~p~n", [uri_string:resolve("../x", "http://h/a/b/c")]),
    io:format("~p~n", [uri_string:transcode(<<"a%C3%A9">>, [{in_encoding, utf8}, {out_encoding, utf8}])]),
    ok.
