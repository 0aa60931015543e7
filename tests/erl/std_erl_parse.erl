-module(std_erl_parse).
-export([main/0]).

%% erl_parse:parse_exprs, parse_form, parse_term, abstract, normalise, and erl_pp printing.

main() ->
    Exprs = ["1 + 2 * 3.", "[X || X <- L, X > 0].", "case X of {a, B} -> B; _ -> none end.",
             "fun(A) -> A end.", "#{a => 1, b := 2}.", "<<X:8/little, Y/binary>> = Bin.",
             "try f() catch throw:T -> T after g() end.", "A = B = 3.", "begin x, y end.", "1 +."],
    [begin
         {ok, Toks, _} = erl_scan:string(S),
         R = erl_parse:parse_exprs(Toks),
         io:format("~p~n  ~p~n", [S, R]),
         case R of
             {ok, E} -> io:format("  pp: ~s~n", [erl_pp:exprs(E)]);
             _ -> ok
         end
     end || S <- Exprs],
    {ok, FT, _} = erl_scan:string("add(A, B) when is_integer(A) -> A + B; add(_, _) -> error."),
    {ok, Form} = erl_parse:parse_form(FT),
    io:format("~p~n", [Form]),
    io:format("~s~n", [erl_pp:form(Form)]),
    {ok, TT, _} = erl_scan:string("{a, [1, 2.5, \"s\"], #{k => <<\"v\">>}}."),
    io:format("~p~n", [erl_parse:parse_term(TT)]),
    io:format("~p~n", [erl_parse:abstract({x, [1, 2], "str", 3.0})]),
    io:format("~p~n", [erl_parse:normalise(erl_parse:abstract(#{a => [b]}))]),
    {ok, Bad, _} = erl_scan:string("-module(."),
    io:format("~p~n", [erl_parse:parse_form(Bad)]),
    ok.
