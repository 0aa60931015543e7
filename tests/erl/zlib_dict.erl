-module(zlib_dict).
-export([main/0]).

%% zlib dictionaries: deflateSetDictionary's checksum (zlib and raw
%% streams, including values past 2^31), inflate's need_dictionary
%% exception and {exception_on_need_dict, false} result, safeInflate,
%% inflateSetDictionary (right and wrong) and inflateGetDictionary.

show(Tag, X) -> io:format("~s: ~w~n", [Tag, X]).
t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Dict = <<"the quick brown fox jumps over the lazy dog">>,
    Text = iolist_to_binary(lists:duplicate(20, <<"the lazy dog jumps over the quick brown fox. ">>)),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z),
    Adler = zlib:deflateSetDictionary(Z, Dict),
    show("adler", {Adler, erlang:adler32(Dict)}),
    C = iolist_to_binary(zlib:deflate(Z, Text, finish)),
    show("compressed", C),
    ok = zlib:deflateEnd(Z),
    %% exception path: the output before the exception is kept
    ok = zlib:inflateInit(Z),
    show("need dict", t(fun() -> zlib:inflate(Z, C) end)),
    show("set dict", zlib:inflateSetDictionary(Z, Dict)),
    R1 = zlib:inflate(Z, []),
    show("after dict", iolist_to_binary(R1) =:= Text),
    show("get dict", t(fun() -> zlib:inflateGetDictionary(Z) end)),
    ok = zlib:inflateEnd(Z),
    %% non-exception path
    ok = zlib:inflateInit(Z),
    {need_dictionary, A2, O2} = zlib:inflate(Z, C, [{exception_on_need_dict, false}]),
    show("need_dictionary tuple", {A2, O2}),
    show("wrong dict", t(fun() -> zlib:inflateSetDictionary(Z, <<"wrong">>) end)),
    ok = zlib:inflateSetDictionary(Z, [<<"the quick">>, " brown fox", [$ , "jumps over the lazy dog"]]),
    show("rest", iolist_to_binary(zlib:inflate(Z, [], [{exception_on_need_dict, false}])) =:= Text),
    ok = zlib:inflateEnd(Z),
    %% safeInflate
    ok = zlib:inflateInit(Z),
    S1 = zlib:safeInflate(Z, C),
    show("safe need", S1),
    ok = zlib:inflateSetDictionary(Z, Dict),
    S2 = zlib:safeInflate(Z, []),
    show("safe after", element(1, S2)),
    show("safe data", iolist_to_binary(element(2, S2)) =:= Text),
    ok = zlib:inflateEnd(Z),
    %% set dict on a stream that does not want one
    ok = zlib:inflateInit(Z),
    show("set dict early", t(fun() -> zlib:inflateSetDictionary(Z, Dict) end)),
    ok = zlib:inflateReset(Z),
    _ = zlib:inflate(Z, zlib:compress(Text)),
    GD = t(fun() -> zlib:inflateGetDictionary(Z) end),
    show("get dict after data", GD),
    ok = zlib:inflateEnd(Z),
    %% raw streams: checksum computed separately
    ok = zlib:deflateInit(Z, default, deflated, -15, 8, default),
    show("raw adler", zlib:deflateSetDictionary(Z, Dict)),
    RC = iolist_to_binary(zlib:deflate(Z, Text, finish)),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z, -15),
    ok = zlib:inflateSetDictionary(Z, Dict),
    show("raw with dict", iolist_to_binary(zlib:inflate(Z, RC)) =:= Text),
    ok = zlib:inflateEnd(Z),
    %% checksums at or above 2^31
    Big = binary:copy(<<255>>, 100),
    ok = zlib:deflateInit(Z),
    show("big adler", {zlib:deflateSetDictionary(Z, Big), erlang:adler32(Big)}),
    BC = iolist_to_binary(zlib:deflate(Z, <<"xyz">>, finish)),
    ok = zlib:deflateEnd(Z),
    ok = zlib:inflateInit(Z),
    show("big need", t(fun() -> zlib:inflate(Z, BC) end)),
    ok = zlib:inflateSetDictionary(Z, Big),
    show("big rest", zlib:inflate(Z, [])),
    ok = zlib:inflateEnd(Z),
    show("dict not iolist", t(fun() -> zlib:deflateSetDictionary(Z, [foo]) end)),
    show("dict not init", t(fun() -> zlib:deflateSetDictionary(Z, Dict) end)),
    show("idict not init", t(fun() -> zlib:inflateSetDictionary(Z, Dict) end)),
    show("getdict not init", t(fun() -> zlib:inflateGetDictionary(Z) end)),
    ok = zlib:deflateInit(Z),
    _ = zlib:deflate(Z, <<"data first">>),
    show("dict after data", t(fun() -> zlib:deflateSetDictionary(Z, Dict) end)),
    show("end early", t(fun() -> zlib:deflateEnd(Z) end)),
    ok = zlib:close(Z).
