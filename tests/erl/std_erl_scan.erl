-module(std_erl_scan).
-export([main/0]).

%% erl_scan:string/1,2,3 on many token kinds, locations, errors.

main() ->
    Srcs = ["foo(X) -> X + 1.", "\"str\\n\" 'atom' $c 16#FF 2.5e3 <<1:8>>", "A =:= B andalso not C",
            "#{a => 1}#r.f", "fun M:F/1", "% comment\nx", "1_000 + 0.5", "'unterminated", "\"bad",
            "$\\x{41}", "X ! {msg}", "[H|T] ++ -- || <- <= =>", "receive after 0 -> ok end", "?MACRO(1)"],
    [io:format("~p~n  ~p~n", [S, erl_scan:string(S)]) || S <- Srcs],
    io:format("~p~n", [erl_scan:string("a\nb", {1, 1})]),
    io:format("~p~n", [erl_scan:string("x % c", 1, [return_comments])]),
    io:format("~p~n", [erl_scan:string("a b", 1, [text])]),
    {ok, Toks, _} = erl_scan:string("f(1) -> 2."),
    io:format("~p~n", [[erl_scan:category(T) || T <- Toks]]),
    io:format("~p~n", [erl_scan:reserved_word('case')]),
    ok.
