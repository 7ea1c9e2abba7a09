# Warnings and sanitizers, applied to every FinChat target through one interface library
# so that third-party code pulled in later is not affected.
add_library(finchat_compiler_options INTERFACE)
add_library(FinChat::CompilerOptions ALIAS finchat_compiler_options)

if(MSVC)
    target_compile_options(finchat_compiler_options INTERFACE /W4 /permissive-)
    if(FINCHAT_WERROR)
        target_compile_options(finchat_compiler_options INTERFACE /WX)
    endif()
else()
    target_compile_options(finchat_compiler_options INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2)
    if(FINCHAT_WERROR)
        target_compile_options(finchat_compiler_options INTERFACE -Werror)
    endif()
endif()

if(FINCHAT_SANITIZE)
    set(_finchat_sanitizers -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_compile_options(finchat_compiler_options INTERFACE ${_finchat_sanitizers})
    target_link_options(finchat_compiler_options INTERFACE ${_finchat_sanitizers})
endif()

if(FINCHAT_FUZZ)
    # Coverage for libFuzzer in every FinChat object; the fuzz target itself links the
    # fuzzer's main (tests/fuzz). Without -fsanitize=function: clang 14 puts that check's
    # prologue data where the split parts of a coroutine returning a value cannot reach it
    # ("Cannot represent a difference across sections" in core/chatserver.cpp).
    target_compile_options(finchat_compiler_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=function
        -fno-omit-frame-pointer)
    target_link_options(finchat_compiler_options INTERFACE -fsanitize=address,undefined)
endif()

# Qt's strict mode: no implicit ASCII casts, so every string's encoding is a decision.
target_compile_definitions(finchat_compiler_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
