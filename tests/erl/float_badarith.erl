-module(float_badarith).
-export([main/0]).

%% Float operations that raise badarith (overflow, division by zero) and badarg.

main() ->
    Cases = [{"1.0/0", fun() -> id(1.0) / 0 end},
             {"1/0", fun() -> id(1) / 0 end},
             {"0.0/0.0", fun() -> id(0.0) / 0.0 end},
             {"1.0e308*10", fun() -> id(1.0e308) * 10 end},
             {"1.0e308+1.0e308", fun() -> id(1.0e308) + 1.0e308 end},
             {"-1.0e308-1.0e308", fun() -> id(-1.0e308) - 1.0e308 end},
             {"1.0e-308*1.0e-308", fun() -> id(1.0e-308) * 1.0e-308 end},
             {"float(1 bsl 1024)", fun() -> float(id(1 bsl 1024)) end},
             {"float(1 bsl 1023)", fun() -> float(id(1 bsl 1023)) end},
             {"(1 bsl 1024)*1.0", fun() -> id(1 bsl 1024) * 1.0 end},
             {"(1 bsl 1024)/2", fun() -> id(1 bsl 1024) / 2 end},
             {"(1 bsl 2000)/(1 bsl 1990)", fun() -> id(1 bsl 2000) / id(1 bsl 1990) end},
             {"1.5 div 1", fun() -> id(1.5) div 1 end},
             {"1.5 rem 1", fun() -> id(1.5) rem 1 end},
             {"math:sqrt(-1)", fun() -> math:sqrt(id(-1)) end},
             {"math:log(0)", fun() -> math:log(id(0)) end},
             {"math:log(-1)", fun() -> math:log(id(-1)) end},
             {"math:pow(10,400)", fun() -> math:pow(id(10), 400) end},
             {"math:exp(1000)", fun() -> math:exp(id(1000)) end},
             {"math:acos(2)", fun() -> math:acos(id(2)) end},
             {"float(a)", fun() -> float(id(a)) end},
             {"round(a)", fun() -> round(id(a)) end},
             {"trunc(\"1\")", fun() -> trunc(id("1")) end},
             {"1.0 band 1", fun() -> id(1.0) band 1 end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
